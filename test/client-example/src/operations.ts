// The operations of the example app, written with the generated `graphql()` function: each document's result and
// variables are typed from the hub's API schema (schema/api.graphql) by `npm run codegen` (graphql-codegen's client
// preset). Change a field here and rerun it: the compiler then checks every use.
import { graphql } from './__generated__';

/** Public data: tourist sites with the commune each lies in, across two subgraphs. */
export const SitesQuery = graphql(`
  query ExampleSites($first: Int!) {
    touristSites(first: $first) {
      totalCount
      nodes {
        code
        name
        category
        commune {
          code
          name
          validFrom
        }
        provenance {
          retrievedAt
          dataset {
            code
          }
        }
      }
    }
  }
`);

/** What a signed-in official reads: INTERNAL licence numbers; PERSONAL and RESTRICTED fields come back null. */
export const AccommodationsQuery = graphql(`
  query ExampleAccommodations($first: Int!) {
    accommodations(first: $first) {
      nodes {
        code
        name
        type
        rooms
        licenceNumber
      }
    }
  }
`);

/** An indicator for the province's districts as of a date before the 2025 reform. */
export const PopulationQuery = graphql(`
  query ExamplePopulation($query: IndicatorDataQuery!) {
    indicatorData(query: $query) {
      rows {
        unit
        period
        value
        status
      }
    }
  }
`);
