/**
 * The text of a PDF, page by page, with Mozilla's pdf.js. pdf.js 6 calls Promise.withResolvers,
 * which Node gained in 22; the project supports Node 20, so the standard polyfill goes in first.
 */
export async function pdfPages(pdf: Uint8Array): Promise<string[]> {
  const promise = Promise as PromiseConstructor & { withResolvers?: unknown };
  if (typeof promise.withResolvers !== 'function') {
    promise.withResolvers = function withResolvers<T>() {
      let resolve!: (value: T | PromiseLike<T>) => void;
      let reject!: (reason?: unknown) => void;
      const made = new Promise<T>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      return { promise: made, resolve, reject };
    };
  }
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await getDocument({ data: pdf, useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    pages.push(
      content.items
        .map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : ' ') : ''))
        .join('')
        .replace(/[ \t]+/g, ' '),
    );
  }
  await doc.cleanup();
  return pages;
}
