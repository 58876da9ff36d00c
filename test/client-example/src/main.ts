// The example app: `HUB_URL=http://127.0.0.1:4000 npx tsx test/client-example/src/main.ts` against `npm start`.
// Prints one JSON line of what it read, typed end to end (the compiler knows `site.commune?.name` is a string).
import { HubClient } from './client';
import { AccommodationsQuery, PopulationQuery, SitesQuery } from './operations';

export async function runExample(url: string, username: string, password: string) {
  const hub = new HubClient(url);
  const sites = await hub.request(SitesQuery, { first: 3 });
  const names = sites.data?.touristSites?.nodes.map((site) => `${site.name} (${site.commune?.name ?? 'commune unknown'})`) ?? [];
  await hub.signIn(username, password);
  const accommodations = await hub.request(AccommodationsQuery, { first: 2 });
  const licences = accommodations.data?.accommodations?.nodes.map((a) => a.licenceNumber ?? null) ?? [];
  const population = await hub.request(PopulationQuery, {
    query: { indicators: ['0201'], periods: ['2024'], units: { under: '04', level: 'DISTRICT', asOf: '2024-06-01' } },
  });
  const districts = population.data?.indicatorData?.rows.filter((row) => row.value !== null).length ?? 0;
  return {
    sites: names,
    totalSites: sites.data?.touristSites?.totalCount ?? 0,
    licences,
    districtsWithPopulation: districts,
    errors: [...sites.errors, ...accommodations.errors, ...population.errors].map((e) => e.extensions?.code ?? e.message),
  };
}

if (require.main === module) {
  const url = process.env.HUB_URL ?? 'http://127.0.0.1:4000';
  runExample(url, process.env.HUB_USERNAME ?? 'vhttdl.official', process.env.HUB_PASSWORD ?? 'demo-password-2025')
    .then((out) => console.log(JSON.stringify(out)))
    .catch((e: unknown) => {
      console.error((e as Error).message);
      process.exit(1);
    });
}
