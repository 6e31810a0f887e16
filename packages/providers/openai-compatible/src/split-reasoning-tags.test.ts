import { describe, expect, it } from 'vitest'
import { createReasoningTagSplitter, type ReasoningTagPiece, splitReasoningTags } from './split-reasoning-tags.js'

function join(pieces: readonly ReasoningTagPiece[]): { text: string; reasoning: string } {
  let text = ''
  let reasoning = ''
  for (const piece of pieces) {
    expect(piece.delta).not.toBe('')
    if (piece.type === 'text') text += piece.delta
    else reasoning += piece.delta
  }
  return { text, reasoning }
}

/** Feeds `content` to a splitter in chunks cut at `cuts` and returns every piece, the end's included. */
function splitInChunks(content: string, cuts: readonly number[]): ReasoningTagPiece[] {
  const splitter = createReasoningTagSplitter('think')
  const bounds = [0, ...cuts, content.length]
  const pieces: ReasoningTagPiece[] = []
  for (let index = 0; index + 1 < bounds.length; index++) pieces.push(...splitter.push(content.slice(bounds[index], bounds[index + 1])))
  return [...pieces, ...splitter.end()]
}

const samples = {
  'one block at the start': [
    '<think>\nThe sky scatters blue light.\n</think>\n\nBlue.',
    { text: 'Blue.', reasoning: '\nThe sky scatters blue light.\n' },
  ],
  'several blocks with text between': [
    'A<think>first</think> B <think></think>C<think>second</think>\nD',
    { text: 'AB CD', reasoning: 'first\nsecond' },
  ],
  'no opening tag (DeepSeek-R1 template)': [
    'Rayleigh scattering.</think>\n\nBlue <b>sky</b>.',
    { text: 'Blue <b>sky</b>.', reasoning: 'Rayleigh scattering.' },
  ],
  'no tags at all': ['Plain <thin> text </thinking> here.', { text: 'Plain <thin> text </thinking> here.', reasoning: undefined }],
  'an unclosed block (cut by maxTokens)': ['Hi<think>still going </th', { text: 'Hi', reasoning: 'still going </th' }],
  'a dangling partial tag after the text': ['<think>r</think> Answer <thi', { text: 'Answer <thi', reasoning: 'r' }],
} as const

describe('splitReasoningTags', () => {
  for (const [name, [content, expected]] of Object.entries(samples)) {
    it(`splits ${name}`, () => {
      expect(splitReasoningTags(content, 'think')).toEqual(expected)
    })
  }

  it('keeps a stray closing tag after a block as text, and whitespace not right after a closing tag', () => {
    expect(splitReasoningTags('  <think>a</think>b </think> c', 'think')).toEqual({ text: '  b </think> c', reasoning: 'a' })
  })

  it('uses the tag name it is given', () => {
    expect(splitReasoningTags('<reasoning>r</reasoning>t<think>x</think>', 'reasoning')).toEqual({ text: 't<think>x</think>', reasoning: 'r' })
  })
})

describe('createReasoningTagSplitter', () => {
  it('holds back a tag split across chunks and emits text and reasoning as soon as they are certain', () => {
    const splitter = createReasoningTagSplitter('think')
    expect(splitter.push('<th')).toEqual([])
    expect(splitter.push('ink>Why')).toEqual([{ type: 'reasoning', delta: 'Why' }])
    expect(splitter.push('?</thi')).toEqual([{ type: 'reasoning', delta: '?' }])
    expect(splitter.push('nk>\n')).toEqual([])
    expect(splitter.push('\nBlue <')).toEqual([{ type: 'text', delta: 'Blue ' }])
    expect(splitter.push('b>')).toEqual([{ type: 'text', delta: '<b>' }])
    expect(splitter.push('!<t')).toEqual([{ type: 'text', delta: '!' }])
    expect(splitter.end()).toEqual([{ type: 'text', delta: '<t' }])
  })

  it('holds back leading content until a tag decides it, and flushes it as text when none comes', () => {
    const deepseek = createReasoningTagSplitter('think')
    expect(deepseek.push('Thinking ')).toEqual([])
    expect(deepseek.push('hard</think>Done')).toEqual([
      { type: 'reasoning', delta: 'Thinking hard' },
      { type: 'text', delta: 'Done' },
    ])
    const plain = createReasoningTagSplitter('think')
    expect(plain.push('Just text')).toEqual([])
    expect(plain.end()).toEqual([{ type: 'text', delta: 'Just text' }])
  })

  for (const [name, [content, expected]] of Object.entries(samples)) {
    it(`gives the same text and reasoning for ${name} at every split point, and every pair of split points`, () => {
      const whole = { text: expected.text, reasoning: expected.reasoning ?? '' }
      expect(join(splitInChunks(content, []))).toEqual(whole)
      for (let cut = 0; cut <= content.length; cut++) {
        expect(join(splitInChunks(content, [cut])), `cut at ${cut}`).toEqual(whole)
        for (let second = cut; second <= content.length; second++) {
          expect(join(splitInChunks(content, [cut, second])), `cuts at ${cut}, ${second}`).toEqual(whole)
        }
      }
      const characters = Array.from({ length: content.length - 1 }, (_, index) => index + 1)
      expect(join(splitInChunks(content, characters)), 'one character a chunk').toEqual(whole)
    })
  }
})
