// Stands in for `server-only` outside Next (see tests/support/node-resolve.mjs).
export {};
