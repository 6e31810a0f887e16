import { SpecialTypeError } from '../errors/special-type-error.js'
import type { SpecialTypeName } from '../type-node.js'

/**
 * Reads a local file for a special type's `fromPath` (loading `node:fs/promises` only then, so the
 * package stays usable where there is no file system).
 *
 * @throws {SpecialTypeError} `File not found: <path>` when the path is not a regular file, or the read fails.
 */
export async function readLocalFile(path: string, typeName: SpecialTypeName): Promise<Uint8Array> {
  const { readFile, stat } = await import('node:fs/promises')
  const info = await stat(path).catch(() => undefined)
  if (info === undefined || !info.isFile()) {
    throw new SpecialTypeError({ message: `File not found: ${path}`, typeName })
  }
  try {
    return new Uint8Array(await readFile(path))
  } catch (cause) {
    throw new SpecialTypeError({ message: `Could not read ${path}: ${String(cause)}`, typeName, cause })
  }
}
