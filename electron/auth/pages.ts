/**
 * The small pages the loopback listener answers the browser with. Static text only (nothing from
 * the request is echoed back), no scripts, no external assets.
 */
const style =
  'body{font:16px/1.5 system-ui,sans-serif;background:#f4f6f8;color:#1b1f23;margin:0}' +
  'main{max-width:30rem;margin:4rem auto;background:#fff;padding:2rem;border-radius:8px;box-shadow:0 1px 4px #0002}' +
  'h1{font-size:1.3rem;margin-top:0}';

function page(title: string, text: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} - Frontdesk</title><style>${style}</style></head>
<body><main><h1>${title}</h1><p>${text}</p></main></body>
</html>`;
}

export const donePage = page(
  'Signed in to drchrono',
  'You can close this tab and return to Frontdesk.',
);

export const failedPage = page(
  'Sign-in did not complete',
  'You can close this tab and return to Frontdesk, which explains what happened and lets you try again.',
);

export const rejectedPage = page(
  'This sign-in link is not valid',
  'Frontdesk did not start this sign-in, or it was already used. Nothing was changed. Start again from Frontdesk if you meant to sign in.',
);

export const notFoundPage = page('Not found', 'Nothing is served here.');
