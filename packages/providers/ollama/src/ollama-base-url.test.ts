import { afterEach, describe, expect, it, vi } from 'vitest'
import { defaultOllamaBaseURL, resolveOllamaBaseURL } from './ollama-base-url.js'

afterEach(() => {
  vi.unstubAllEnvs()
})

describe('resolveOllamaBaseURL', () => {
  it('prefers the setting, then OLLAMA_HOST, then the default', () => {
    vi.stubEnv('OLLAMA_HOST', '')
    expect(resolveOllamaBaseURL(undefined)).toBe(defaultOllamaBaseURL)
    vi.stubEnv('OLLAMA_HOST', '0.0.0.0:11434')
    expect(resolveOllamaBaseURL(undefined)).toBe('http://0.0.0.0:11434')
    vi.stubEnv('OLLAMA_HOST', 'https://ollama.example.com/')
    expect(resolveOllamaBaseURL(undefined)).toBe('https://ollama.example.com')
    expect(resolveOllamaBaseURL('http://10.0.0.2:11434//')).toBe('http://10.0.0.2:11434')
  })
})
