// A library file imports as its text, with its path in the repository and
// the index the bundler's .rkt loader made with the reader (see index.ts).
declare module '*.rkt' {
  const text: string;
  export default text;
  export const source: string;
  export const index: import('./index.js').LibraryIndex;
}
