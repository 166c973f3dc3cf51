/**
 * The consent page of `/o/authorize/`: self-contained (no external assets), accessible, and
 * simple enough for an e2e test to press "Authorize" by its role and name.
 */

const scopeText: Record<string, string> = {
  user: 'your user profile, doctors and offices',
  calendar: 'appointments, schedules and appointment profiles',
  patients: 'patient charts and demographics',
  'patients:summary': 'patient names, birth dates and genders',
  billing: 'billing line items, payment logs and transactions',
  'billing:patient-payment': 'patient payments',
  clinical: 'clinical data: problems, medications, allergies and notes',
  labs: 'lab orders and results',
  tasks: 'tasks and task settings',
  settings: 'practice settings',
  messages: 'messages',
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${String(c.charCodeAt(0))};`);
}

export function describeScopes(scope: string): string[] {
  const requested = scope.split(/\s+/).filter(Boolean);
  if (requested.length === 0) return ['Everything your account can reach (no scope was requested)'];
  return requested.map((s) => {
    const [base = s, access] = s.endsWith(':read') || s.endsWith(':write') ? splitAccess(s) : [s];
    const what = scopeText[base] ?? base;
    const verb = access === 'write' ? 'Change' : access === 'read' ? 'View' : 'Use';
    return `${verb} ${what} (${s})`;
  });
}

function splitAccess(scope: string): [string, string] {
  const i = scope.lastIndexOf(':');
  return [scope.slice(0, i), scope.slice(i + 1)];
}

const style = `body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#f4f6f8;color:#1b1f23}
main{max-width:32rem;margin:3rem auto;background:#fff;padding:2rem;border-radius:8px;box-shadow:0 1px 4px #0002}
h1{font-size:1.4rem;margin-top:0}ul{padding-left:1.2rem}.actions{display:flex;gap:1rem;margin-top:1.5rem}
button{font:inherit;padding:.6rem 1.4rem;border-radius:6px;border:1px solid #1b5e20;cursor:pointer}
button[value=authorize]{background:#1b5e20;color:#fff}button[value=cancel]{background:#fff;color:#1b5e20}
select{font:inherit;padding:.3rem;margin-top:.3rem}
button:focus-visible,select:focus-visible{outline:3px solid #1565c0;outline-offset:2px}.note{color:#444;font-size:.9rem}`;

/** A staff user the person may sign in as (the sandbox's stand-in for drchrono's login form). */
export interface SignInChoice {
  username: string;
  name: string;
  /** The staff permission profile, e.g. "front-desk". */
  profile: string;
  selected: boolean;
}

export interface ConsentPage {
  appName: string;
  practiceName: string;
  username: string;
  scope: string;
  users: SignInChoice[];
  /** Hidden fields posted back with the decision. */
  fields: Record<string, string>;
}

export function consentPage(page: ConsentPage): string {
  const hidden = Object.entries(page.fields)
    .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
    .join('\n      ');
  const options = page.users
    .map(
      (u) =>
        `<option value="${escapeHtml(u.username)}"${u.selected ? ' selected' : ''}>${escapeHtml(
          `${u.name} (${u.username}, ${u.profile})`,
        )}</option>`,
    )
    .join('');
  // The select names the user in the form; without choices the default user signs in.
  const signInAs =
    page.users.length > 1
      ? `<p><label for="username">Sign in as</label><br><select id="username" name="username">${options}</select></p>`
      : '';
  const scopes = describeScopes(page.scope)
    .map((s) => `<li>${escapeHtml(s)}</li>`)
    .join('\n        ');
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Authorize ${escapeHtml(page.appName)} - drchrono sandbox</title>
  <style>${style}</style>
</head>
<body>
  <main>
    <h1>Authorize ${escapeHtml(page.appName)}</h1>
    <p>${escapeHtml(page.appName)} wants to access the <strong>${escapeHtml(page.practiceName)}</strong> account of ${signInAs ? 'the user chosen below' : `<strong>${escapeHtml(page.username)}</strong>`}.</p>
    <form method="post" action="/o/authorize/">
      ${hidden}
      ${signInAs}
      <section aria-labelledby="scopes-heading">
        <h2 id="scopes-heading">It will be able to</h2>
        <ul>
          ${scopes}
        </ul>
      </section>
      <div class="actions">
        <button type="submit" name="action" value="authorize">Authorize</button>
        <button type="submit" name="action" value="cancel">Cancel</button>
      </div>
    </form>
    <p class="note">drchrono sandbox: a local stand-in for drchrono.com. No real patient data.</p>
  </main>
</body>
</html>
`;
}

export function errorPage(title: string, message: string): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(title)} - drchrono sandbox</title>
  <style>${style}</style>
</head>
<body>
  <main>
    <h1>${escapeHtml(title)}</h1>
    <p role="alert">${escapeHtml(message)}</p>
  </main>
</body>
</html>
`;
}
