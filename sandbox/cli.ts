// Runs the Partner Center simulator on its own: `npx tsx sandbox/cli.ts [--port N]`.
import { startSimulator } from './start-simulator';

function portFromArgs(args: readonly string[]): number {
  const index = args.indexOf('--port');
  const inline = args.find((arg) => arg.startsWith('--port='));
  const raw = inline ? inline.slice('--port='.length) : index >= 0 ? args[index + 1] : undefined;
  if (raw === undefined) return 0;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`Not a port number: ${raw}`);
    process.exit(2);
  }
  return port;
}

async function main(): Promise<void> {
  const simulator = await startSimulator({ port: portFromArgs(process.argv.slice(2)) });
  console.log(`Partner Center simulator listening on ${simulator.url}`);
  const stop = () => {
    simulator.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
