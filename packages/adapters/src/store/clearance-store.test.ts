import { storeTargets } from '../test-support/store-targets.ts';
import { runClearanceStoreContract } from './clearance-store.contract.ts';

for (const target of storeTargets()) runClearanceStoreContract(target);
