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

export class SecretRedactor {
  private readonly secrets = new Set<string>();

  // Very short values would mask ordinary words; keychain secrets are long.
  register(secret: string | null | undefined): void {
    if (secret && secret.length >= 8) this.secrets.add(secret);
  }

  redact(text: string): string {
    let result = text;
    for (const secret of this.secrets) result = result.split(secret).join(masked);
    for (const shape of credentialShapes) result = result.replace(shape, masked);
    return result.replace(namedSecret, (_match, name: string, separator: string) => `${name}${separator}${masked}`);
  }
}
