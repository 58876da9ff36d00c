// The facts the policy consults (who owns each sector database today; agreements in force), kept as a snapshot
// fetched from the directory and refreshed in the background. Until the first snapshot arrives, nothing but
// PUBLIC data is readable: the policy fails closed.
import type { Grant, PolicyFacts } from '@hub/schema';
import type { Logger } from 'pino';
import type { Directory } from './auth';

export class FactsSnapshot implements PolicyFacts {
  private owners: Record<string, string> = {};
  private datasets: Record<string, string> = {};
  private grants: Grant[] = [];
  private loadedJson = '';
  /** Moves on whenever the facts change (callers cache what they derive from them per revision). */
  revision = 0;
  private timer?: NodeJS.Timeout;
  private loaded?: Promise<void>;

  constructor(
    private readonly directory: Directory,
    private readonly log: Logger,
    private readonly refreshMs = 10_000,
  ) {}

  ownerOf(subgraph: string): string | undefined {
    return this.owners[subgraph];
  }

  datasetOf(subgraph: string): string | undefined {
    return this.datasets[subgraph];
  }

  grantsFor(agency: string): Grant[] {
    return this.grants.filter((g) => g.consumer === agency);
  }

  /** Loads now (callers may await the first load) and keeps refreshing. */
  start(): Promise<void> {
    this.loaded ??= this.refresh();
    this.timer ??= setInterval(() => void this.refresh(), this.refreshMs).unref();
    return this.loaded;
  }

  async refresh(): Promise<void> {
    try {
      const f = await this.directory.policyFacts();
      const json = JSON.stringify(f);
      if (json === this.loadedJson) return;
      this.owners = f.owners;
      this.datasets = f.datasets ?? {};
      this.grants = f.grants;
      this.loadedJson = json;
      this.revision += 1;
    } catch (e) {
      this.log.warn({ err: { message: (e as Error).message } }, 'policy facts not refreshed; keeping the last snapshot');
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
