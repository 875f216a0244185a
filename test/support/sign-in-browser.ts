// Plays the system browser for MSAL's interactive sign-in in integration tests: loads the sign-in page the
// app opened (the simulator signs the user in at once) and submits its form_post form to the app's loopback
// redirect, as a browser running the page's onload script would.
export async function completeSignInInBrowser(url: string): Promise<void> {
  const page = await fetch(url);
  const html = await page.text();
  if (!page.ok) throw new Error(`The sign-in page answered ${page.status}: ${html}`);
  const action = /<form method="POST" action="([^"]+)"/.exec(html)?.[1];
  if (!action) throw new Error(`No form on the sign-in page: ${html}`);
  const decode = (text: string) => text.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
  const fields = new URLSearchParams();
  for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    fields.set(match[1] ?? '', decode(match[2] ?? ''));
  }
  const posted = await fetch(decode(action), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: fields.toString(),
  });
  await posted.text();
}
