export * from './dates';
export * from './administrative-unit.service';
export * from './agency.service';
export * from './dataset.service';
export * from './declared-datasets';
export * from './account-admin.service';
export * from './sharing-agreement.service';
export * from './policy-facts';
