const chunkSize = 0x8000

/** Standard base64 (with padding) of some bytes, as Python's `base64.b64encode(...).decode()` gives. Works without Node's `Buffer`. */
export function encodeBase64(bytes: Uint8Array): string {
  let binary = ''
  for (let start = 0; start < bytes.length; start += chunkSize) {
    binary += String.fromCharCode(...bytes.subarray(start, start + chunkSize))
  }
  return btoa(binary)
}
