// Whether a host name is this computer (localhost, 127.0.0.0/8, ::1): the only place AuthDesk talks in
// plaintext to (a local mail relay, the simulator), because nothing on the wire can read it there.
export function isLoopbackHost(host: string): boolean {
  const name = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  return name === 'localhost' || name === '::1' || /^127(\.\d{1,3}){3}$/.test(name);
}
