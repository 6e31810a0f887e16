export { ScriptedLM, type ScriptedAnswers, type ScriptedFields, type ScriptedLMOptions } from './scripted-lm.js'
export { formatScriptedAnswer, type ScriptedAnswerFormat } from './format-scripted-answer.js'
export { answerFromExamples } from './follow-examples.js'
