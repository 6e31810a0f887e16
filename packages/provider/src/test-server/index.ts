// `@dspex/provider/test-server`: a real HTTP server for testing provider packages against recorded or
// scripted responses over real sockets. `@dspex/testing` builds its fake provider servers on it.
export { createTestServer, type RecordedRequest, respondWith, type TestHandler, type TestServer } from './create-test-server.js'
