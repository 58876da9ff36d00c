import { AdministrativeUnitSchema } from './administrative-unit.entity';
import { UnitSuccessionSchema } from './unit-succession.entity';
import { AgencySchema } from './agency.entity';
import { DatasetSchema } from './dataset.entity';
import { DatasetOwnershipHistory, DatasetOwnershipSchema } from './dataset-ownership.entity';
import { AccountHistory, AccountSchema } from './account.entity';
import { AccountSessionHistory, AccountSessionSchema } from './account-session.entity';
import { SharingAgreementHistory, SharingAgreementSchema } from './sharing-agreement.entity';
import { SignInThrottleHistory, SignInThrottleSchema } from './sign-in-throttle.entity';

export * from './administrative-unit.entity';
export * from './unit-succession.entity';
export * from './agency.entity';
export * from './dataset.entity';
export * from './dataset-ownership.entity';
export * from './account.entity';
export * from './account-session.entity';
export * from './sharing-agreement.entity';
export * from './sign-in-throttle.entity';

export const entities = [AdministrativeUnitSchema, UnitSuccessionSchema, AgencySchema, DatasetSchema, DatasetOwnershipSchema, AccountSchema, AccountSessionSchema, SharingAgreementSchema, SignInThrottleSchema];

/** How entities' changes are recorded (see the kit's `tracked`); the others are tracked under their class name. */
export const history = [AccountHistory, AccountSessionHistory, SharingAgreementHistory, DatasetOwnershipHistory, SignInThrottleHistory];
