import { type Module, withCallbacks } from '@dspex/primitives'

/** What a compile reports to callbacks about its inputs. */
interface CompileInputs {
  readonly trainset?: readonly unknown[]
  readonly valset?: readonly unknown[]
  readonly teacher?: unknown
}

/**
 * Runs one optimizer's compile between the `onCompileStart` and `onCompileEnd` handlers of the
 * callbacks in effect (and the optimizer's own `callbacks`), with the student, trainset, valset and
 * teacher as its inputs and the compiled program, or what was thrown, as its outcome.
 */
export function reportCompile<Result>(
  optimizer: object,
  student: Module<object, unknown>,
  options: CompileInputs,
  compile: () => Promise<Result>,
): Promise<Result> {
  const inputs = {
    student,
    ...(options.trainset === undefined ? {} : { trainset: options.trainset }),
    ...(options.valset === undefined ? {} : { valset: options.valset }),
    ...(options.teacher === undefined ? {} : { teacher: options.teacher }),
  }
  return withCallbacks({ kind: 'compile', instance: optimizer, inputs }, compile)
}
