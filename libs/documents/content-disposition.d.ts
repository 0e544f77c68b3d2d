// content-disposition (jshttp, the one Express uses) ships no types; only what Spor calls.
declare module 'content-disposition' {
  function contentDisposition(filename?: string, options?: { type?: string; fallback?: string | boolean }): string;
  export = contentDisposition;
}
