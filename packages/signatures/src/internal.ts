// What the golden tests in tooling/ check against DSPy. Not a public API: it may change in any release.
export { inferPrefix } from './infer-prefix.js'
