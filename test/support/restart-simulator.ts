// Stops-and-starts made visible to AuthDesk: starts the simulator again on the stopped one's port with the same
// state (customers, acceptances, client secret), as Partner Center going away and coming back looks.
import { startSimulator, type Simulator } from '../../sandbox/start-simulator';

export async function restartSimulator(stopped: Simulator): Promise<Simulator> {
  const restarted = await startSimulator({ port: Number(new URL(stopped.url).port) });
  Object.assign(restarted.state, stopped.state);
  return restarted;
}
