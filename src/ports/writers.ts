import type { AnswerCandidate, Brief, BriefRequest, Reply } from '../domain/index.ts';

/**
 * Writes a brief from the articles in its window. Two implementations: the offline extractive
 * writer (brief/) and the LLM writer (llm/), which falls back to the extractive one on any failure.
 */
export interface BriefWriter {
  compose(request: BriefRequest): Promise<Brief>;
}

/**
 * Answers a question from retrieved sentences (best first; possibly none). Offline it quotes them;
 * the LLM writer writes a grounded answer and falls back to quoting.
 */
export interface AnswerWriter {
  answer(question: string, candidates: readonly AnswerCandidate[]): Promise<Reply>;
}

/** The pair of writers the bot uses: both offline, or both backed by the language model. */
export interface Writers {
  briefs: BriefWriter;
  answers: AnswerWriter;
}
