import { describe, expect, it } from 'vitest'
import { averageMetricText, EvaluateProgress, type ProgressStream } from './evaluate-progress.js'

/** A stream that records what is written; a terminal when `isTTY`. */
function recordingStream(
  isTTY: boolean,
): ProgressStream & { text: string; columns: number; cursorTo(): boolean; clearLine(): boolean; moveCursor(): boolean } {
  return {
    isTTY,
    text: '',
    columns: 200,
    write(chunk: string) {
      this.text += chunk
      return true
    },
    cursorTo: () => true,
    clearLine: () => true,
    moveCursor: () => true,
  }
}

describe('averageMetricText', () => {
  it("writes DSPy's running average", () => {
    expect(averageMetricText(2, 3)).toBe('Average Metric: 2.00 / 3 (66.7%)')
    expect(averageMetricText(3, 3)).toBe('Average Metric: 3.00 / 3 (100.0%)')
    expect(averageMetricText(0.125, 1)).toBe('Average Metric: 0.12 / 1 (12.5%)')
    expect(averageMetricText(0, 0)).toBe('Average Metric: 0.00 / 0 (0%)')
  })
})

describe('EvaluateProgress', () => {
  it('draws a bar with the running average on a terminal', () => {
    const stream = recordingStream(true)
    const progress = new EvaluateProgress(4, stream)
    progress.add(1)
    progress.add(0)
    progress.add(1)
    progress.stop()
    progress.stop()
    expect(stream.text).toContain('Average Metric: 2.00 / 3 (66.7%) |')
    expect(stream.text).toContain('| 3/4')
  })

  it('writes only a final line elsewhere', () => {
    const stream = recordingStream(false)
    const progress = new EvaluateProgress(2, stream)
    progress.add(1)
    expect(stream.text).toBe('')
    progress.add(0.5)
    progress.stop()
    progress.stop()
    expect(stream.text).toBe('Average Metric: 1.50 / 2 (75.0%)\n')
  })
})
