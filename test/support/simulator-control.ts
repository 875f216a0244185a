// Drives the simulator's /sandbox control routes over HTTP, as tests, the bench and the CLI test do.
export async function postSandbox(simulatorUrl: string, route: string, body: unknown): Promise<unknown> {
  const response = await fetch(`${simulatorUrl}/sandbox/${route}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer: unknown = await response.json();
  if (!response.ok) throw new Error(`POST /sandbox/${route} answered ${response.status}: ${JSON.stringify(answer)}`);
  return answer;
}
