// Keeps secrets out of the log: every secret AuthDesk handles is registered here when it is read from or
// written to the keychain, and shapes that look like credentials (bearer tokens, JWTs, password=...) are
// masked even when nobody registered them.
const masked = '[redacted]';

const credentialShapes: RegExp[] = [
  /\bBearer\s+[A-Za-z0-9._~+/=-]+/gi,
  /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g,
];
// name=value and "name": "value" forms: the name stays readable, the value goes.
const namedSecret =
  /\b(password|passwd|secret|client_secret|access_token|refresh_token|id_token|token)(["']?\s*[:=]\s*["']?)[^\s"'&,;}]+/gi;

// A secret shorter than this is masked only where it stands alone (between spaces, quotes, = or &), so a short
// SMTP password does not blank out every word that contains it; a longer one is masked wherever it appears.
const anywhereFromLength = 6;
const tokenEdge = `[\\s"'=:&,;()\\[\\]{}<>]`;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// The forms a secret takes on its way into a log line: as typed, JSON-escaped (once, or inside a JSON string
// inside JSON), and URL-encoded as in a form body.
function spellings(secret: string): string[] {
  const json = JSON.stringify(secret).slice(1, -1);
  const jsonInJson = JSON.stringify(json).slice(1, -1);
  return [...new Set([secret, json, jsonInJson, encodeURIComponent(secret)])];
}

export class SecretRedactor {
  private readonly secrets = new Set<string>();
  private pattern: RegExp | null = null;

  register(secret: string | null | undefined): void {
    if (!secret || secret.trim() === '' || this.secrets.has(secret)) return;
    this.secrets.add(secret);
    this.pattern = null;
  }

  redact(text: string): string {
    const secrets = this.secretsPattern();
    let result = secrets ? text.replace(secrets, masked) : text;
    for (const shape of credentialShapes) result = result.replace(shape, masked);
    return result.replace(namedSecret, (_match, name: string, separator: string) => `${name}${separator}${masked}`);
  }

  // One pattern for every spelling of every secret, longest first so a secret inside another is not masked
  // half-way; short ones only between token edges.
  private secretsPattern(): RegExp | null {
    if (this.pattern !== null || this.secrets.size === 0) return this.pattern;
    const forms = [...this.secrets].flatMap(spellings).sort((a, b) => b.length - a.length);
    const alternatives = forms.map((form) =>
      form.length >= anywhereFromLength
        ? escapeRegExp(form)
        : `(?<=^|${tokenEdge})${escapeRegExp(form)}(?=$|${tokenEdge})`,
    );
    this.pattern = new RegExp(alternatives.join('|'), 'g');
    return this.pattern;
  }
}
