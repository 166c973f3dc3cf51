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
    let text = '';
    let glued = false;
    for (const item of content.items) {
      if (!('str' in item)) continue;
      // Chromium draws ligatures (fi, fl) as runs of their own: glue them back into the word.
      const ligature = /^(ff|fi|fl|ffi|ffl)$/.test(item.str);
      if (ligature || glued) text = text.replace(/ $/, '');
      text += item.str + (item.hasEOL ? '\n' : ' ');
      glued = ligature;
    }
    pages.push(text.replace(/[ \t]+/g, ' '));
  }
  await doc.cleanup();
  return pages;
}
