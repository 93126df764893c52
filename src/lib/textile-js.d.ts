declare module 'textile-js' {
  interface Textile {
    (source: string, options?: { breaks?: boolean }): string
    parse(source: string, options?: { breaks?: boolean }): string
  }
  const textile: Textile
  export default textile
}
