import { storeTargets } from '../test-support/store-targets.ts';
import { runStoreContract } from './store.contract.ts';

for (const target of storeTargets()) runStoreContract(target);
