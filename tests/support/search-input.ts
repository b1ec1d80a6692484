/** The characters PostgreSQL's tsquery syntax reads as operators, one token each for a fuzzer's alphabet. */
export const TSQUERY_OPERATOR_TOKENS = ["!", "&", "|", "(", ")", ":", "*"] as const;
