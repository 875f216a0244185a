// Stops-and-starts made visible to AuthDesk: starts the simulator again on the stopped one's port with the same
// state (customers, acceptances, client secret, GDAP relationships), as Partner Center going away and coming back looks.
import { startSimulator, type Simulator } from '../../sandbox/start-simulator';

export async function restartSimulator(stopped: Simulator): Promise<Simulator> {
  return startSimulator({ port: Number(new URL(stopped.url).port), state: stopped.state });
}
