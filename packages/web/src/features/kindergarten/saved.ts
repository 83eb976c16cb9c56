/** A confirmation to show after a change, as a message key: it follows a later switch of language. */
export type Saved = { key: string; options?: Record<string, unknown> };
