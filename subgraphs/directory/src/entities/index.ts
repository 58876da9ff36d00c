import { AdministrativeUnit } from './administrative-unit.entity';
import { UnitSuccession } from './unit-succession.entity';
import { Agency } from './agency.entity';
import { Dataset } from './dataset.entity';
import { DatasetOwnership, DatasetOwnershipHistory } from './dataset-ownership.entity';
import { Account, AccountHistory } from './account.entity';
import { AccountSession, AccountSessionHistory } from './account-session.entity';
import { SharingAgreement, SharingAgreementHistory } from './sharing-agreement.entity';
import { SignInThrottle, SignInThrottleHistory } from './sign-in-throttle.entity';

export * from './administrative-unit.entity';
export * from './unit-succession.entity';
export * from './agency.entity';
export * from './dataset.entity';
export * from './dataset-ownership.entity';
export * from './account.entity';
export * from './account-session.entity';
export * from './sharing-agreement.entity';
export * from './sign-in-throttle.entity';

export const entities = [
  AdministrativeUnit,
  UnitSuccession,
  Agency,
  Dataset,
  DatasetOwnership,
  Account,
  AccountSession,
  SharingAgreement,
  SignInThrottle,
];

/** How entities' changes are recorded (see the kit's `tracked`); the others are tracked under their class name. */
export const history = [AccountHistory, AccountSessionHistory, SharingAgreementHistory, DatasetOwnershipHistory, SignInThrottleHistory];
