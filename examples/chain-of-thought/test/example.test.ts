import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'

const run = promisify(execFile)
const script = fileURLToPath(new URL('../index.mjs', import.meta.url))

describe('the chain-of-thought demo (pnpm demo)', () => {
  it('answers offline and prints the prompt it sent', async () => {
    const { stdout } = await run(process.execPath, [script], { env: { ...process.env, NO_COLOR: '1' } })
    expect(stdout).toContain(
      'Q: What is the capital of France?\n   reasoning: France is a country in Europe; its capital city is Paris.\n   answer: Paris',
    )
    expect(stdout).toContain('answer: Jupiter')
    expect(stdout).toContain('Your input fields are:\n1. `question` (str):\nYour output fields are:\n1. `reasoning` (str): \n2. `answer` (str):')
    expect(stdout).toContain('[[ ## question ## ]]\nWhat is 2 + 2?')
    expect(stdout).toContain(
      'Respond with the corresponding output fields, starting with the field `[[ ## reasoning ## ]]`, then `[[ ## answer ## ]]`, and then ending with the marker for `[[ ## completed ## ]]`.',
    )
  })
})
