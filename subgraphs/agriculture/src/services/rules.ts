// Input rules the agriculture writes share beside the kit's (field.communeCode(), communeOnRecordOf): agency codes, areas.
import { field } from '@hub/kit';

/** A five-digit commune code (as it was on a record's date: checked against today's in the service). */
export const anyCommune = () => field.code(/^\d{5}$/, '01438');
export const agencyCode = () => field.code(/^[A-Z][A-Z0-9-]{1,19}$/, 'SNNMT');
export const area = () => field.number({ min: 0.01, max: 10000 });
