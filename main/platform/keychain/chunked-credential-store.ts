// Windows Credential Manager refuses a secret over 2,560 bytes (CRED_MAX_CREDENTIAL_BLOB_SIZE), stored as
// UTF-16, and the MSAL token cache (access tokens, a refresh token, an ID token) is several KB. This store keeps
// a long secret as numbered parts under the limit, each its own keychain entry, and a short manifest under
// the secret's own name that lists them: generation, part count and a SHA-256 of the whole. A secret that
// fits is stored as it is. The parts of a new value are written before its manifest and the old parts
// deleted after, so a crash midway leaves the old value or the new one readable, never a mix.
import { createHash, randomBytes } from 'node:crypto';
import type { CredentialStore } from './credential-store';

export const windowsCredentialLimitBytes = 2560;
const manifestPrefix = 'authdesk-chunked:v1:';

interface Manifest {
  generation: string;
  parts: number;
  sha256: string;
}

export interface ChunkedStoreOptions {
  // The largest secret the backend takes, in UTF-16 bytes.
  maxSecretBytes: number;
}

const utf16Bytes = (text: string) => text.length * 2;
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const partName = (name: string, generation: string, index: number) => `${name}.part-${generation}-${index}`;

function parseManifest(value: string | null): Manifest | null {
  if (value === null || !value.startsWith(manifestPrefix)) return null;
  const [generation, parts, hash] = value.slice(manifestPrefix.length).split(':');
  const count = Number(parts);
  if (!generation || !hash || !Number.isInteger(count) || count < 1) return null;
  return { generation, parts: count, sha256: hash };
}

// Cuts text into pieces of at most `units` UTF-16 code units, never between the two halves of a surrogate pair.
export function splitSecret(text: string, units: number): string[] {
  const pieces: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(start + units, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    pieces.push(text.slice(start, end));
    start = end;
  }
  return pieces;
}

export function chunkedCredentialStore(backend: CredentialStore, options: ChunkedStoreOptions): CredentialStore {
  const unitsPerPart = Math.floor(options.maxSecretBytes / 2);
  if (unitsPerPart < 2) throw new Error('The keychain limit is too small to split a secret.');

  const deleteParts = async (name: string, manifest: Manifest | null) => {
    if (!manifest) return;
    for (let index = 0; index < manifest.parts; index += 1) {
      await backend.delete(partName(name, manifest.generation, index));
    }
  };

  return {
    async get(name) {
      const stored = await backend.get(name);
      const manifest = parseManifest(stored);
      if (!manifest) return stored;
      const parts: string[] = [];
      for (let index = 0; index < manifest.parts; index += 1) {
        const part = await backend.get(partName(name, manifest.generation, index));
        // A part gone missing (deleted by hand, a cleanup tool): the secret is lost, as if never stored.
        if (part === null) return null;
        parts.push(part);
      }
      const secret = parts.join('');
      return sha256(secret) === manifest.sha256 ? secret : null;
    },

    async set(name, secret) {
      const previous = parseManifest(await backend.get(name));
      // A secret that fits goes as it is, unless it could be mistaken for a manifest.
      if (utf16Bytes(secret) <= options.maxSecretBytes && !secret.startsWith(manifestPrefix)) {
        await backend.set(name, secret);
        await deleteParts(name, previous);
        return;
      }
      const generation = randomBytes(4).toString('hex');
      const parts = splitSecret(secret, unitsPerPart);
      for (const [index, part] of parts.entries()) await backend.set(partName(name, generation, index), part);
      await backend.set(name, `${manifestPrefix}${generation}:${parts.length}:${sha256(secret)}`);
      await deleteParts(name, previous);
    },

    async delete(name) {
      const manifest = parseManifest(await backend.get(name));
      await backend.delete(name);
      await deleteParts(name, manifest);
    },

    status: () => backend.status(),
  };
}
