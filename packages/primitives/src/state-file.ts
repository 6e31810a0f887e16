import { readFile, writeFile } from 'node:fs/promises'
import { extname } from 'node:path'
import { pythonValueRepr } from '@dspex/types/internal'
import { StateLoadError } from './errors/state-load-error.js'
import { StateSaveError } from './errors/state-save-error.js'
import { isPlainObject } from './plain-object.js'
import { dependencyVersions, formatStateJSON } from './state-json.js'

/**
 * Writes a program's state to a `.json` file as DSPy does: the state, then a `metadata` entry
 * with {@link dependencyVersions}, formatted by {@link formatStateJSON}.
 *
 * @throws {StateSaveError} for another suffix, an unserializable value, or a failed write.
 * @see dspy.BaseModule.save
 */
export async function writeStateFile(path: string, state: Readonly<Record<string, unknown>>): Promise<void> {
  if (extname(path) !== '.json') {
    throw new StateSaveError({
      message: `\`path\` must end with \`.json\`, but received: ${path} (DSPex saves state as JSON only).`,
      code: 'state-file-suffix',
    })
  }
  const text = formatStateJSON({ ...state, metadata: { dependency_versions: { ...dependencyVersions } } })
  try {
    await writeFile(path, text, 'utf8')
  } catch (error) {
    throw new StateSaveError({ message: `Failed to save state to ${path}: ${describe(error)}`, code: 'state-file-write', cause: error })
  }
}

/** A saved state file read back: the state and the dependency versions it was saved with. */
export interface SavedStateFile {
  /** Every top-level entry, `metadata` included. */
  readonly state: Record<string, unknown>
  /** The saved `metadata.dependency_versions`. */
  readonly dependencyVersions: Readonly<Record<string, unknown>>
}

/**
 * Reads a `.json` state file as DSPy does: the file must hold an object with
 * `metadata.dependency_versions` (a missing key is an error, as in DSPy).
 *
 * @throws {StateLoadError} for another suffix (`state-file-suffix`), an unreadable file (`state-file-read`),
 * invalid JSON (`state-file-json`) or missing metadata (`state-missing-key`).
 * @see dspy.BaseModule.load
 */
export async function readStateFile(path: string): Promise<SavedStateFile> {
  if (extname(path) !== '.json') {
    throw new StateLoadError({
      reason: `\`path\` must end with \`.json\`, but received: ${path} (DSPex loads JSON state only).`,
      code: 'state-file-suffix',
    })
  }
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    throw new StateLoadError({ reason: `cannot read ${path}: ${describe(error)}`, code: 'state-file-read', cause: error })
  }
  let state: unknown
  try {
    state = JSON.parse(text)
  } catch (error) {
    throw new StateLoadError({ reason: `${path} is not valid JSON: ${describe(error)}`, code: 'state-file-json', cause: error })
  }
  if (!isPlainObject(state)) throw StateLoadError.invalid([], 'an object', state)
  const metadata = state.metadata
  if (metadata === undefined) throw StateLoadError.missing(['metadata'], Object.keys(state))
  if (!isPlainObject(metadata)) throw StateLoadError.invalid(['metadata'], 'an object', metadata)
  const versions = metadata.dependency_versions
  if (versions === undefined) throw StateLoadError.missing(['metadata', 'dependency_versions'], Object.keys(metadata))
  if (!isPlainObject(versions)) throw StateLoadError.invalid(['metadata', 'dependency_versions'], 'an object', versions)
  return { state, dependencyVersions: versions }
}

/**
 * DSPy's warning for each dependency whose saved version differs from {@link dependencyVersions}. A version
 * that is not a string (a number, an object from a hand-edited file) is written as Python would print it, so
 * whatever the file holds gives a warning, never a crash.
 *
 * @see dspy.BaseModule.load
 */
export function versionMismatchWarnings(saved: Readonly<Record<string, unknown>>): string[] {
  const current: Readonly<Record<string, string>> = dependencyVersions
  return Object.entries(saved)
    .filter(([key, version]) => !Object.hasOwn(current, key) || current[key] !== version)
    .map(
      ([key, version]) =>
        `There is a mismatch of ${key} version between saved model and current environment. You saved with \`${key}==${formatVersion(version)}\`, but now you have \`${key}==${Object.hasOwn(current, key) ? current[key] : 'None'}\`. This might cause errors or performance downgrade on the loaded model, please consider loading the model in the same environment as the saving environment.`,
    )
}

/** A saved version as Python's f-string prints it: a string as it is, anything else as its `repr`. */
function formatVersion(version: unknown): string {
  return typeof version === 'string' ? version : pythonValueRepr(version)
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
