// Rules the services share beside the kit's (field.communeCode(), checkCommuneOnRecord): codes of former communes
// and of the directory's agencies; the reform's day and today in the province.
import { field } from '@hub/kit';

export { REFORM_DAY } from '@hub/schema/fixtures/cao-bang';
export { provinceToday as today } from '@hub/schema';

/** A commune code of any time (a former commune, the commune on a record's date); today's is field.communeCode(). */
export const communeCodeRule = () => field.code(/^\d{5}$/, '01438');
export const agencyCodeRule = () => field.code(/^[A-Z][A-Z0-9]*(-[0-9]{2,5})?$/, 'SNNMT');
