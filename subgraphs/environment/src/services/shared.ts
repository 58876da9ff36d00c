// Rules the services share: codes of the directory's units and agencies, dates around the 2025 reform.
import { field } from '@hub/kit';

export { REFORM_DAY, today } from '../dates';

export const communeCodeRule = () => field.code(/^\d{5}$/, '01435');
export const agencyCodeRule = () => field.code(/^[A-Z][A-Z0-9]*(-[0-9]{2,5})?$/, 'SNNMT');
