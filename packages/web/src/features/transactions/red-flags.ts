/**
 * The BIS "know your customer" red flags (15 CFR 732 Supp. 3) a transaction may declare,
 * by the ids `POST /assess` accepts (core's table; core is side-effect free, so the bundle
 * takes only this module).
 */
export { BIS_RED_FLAGS as RED_FLAGS } from '@entente/core';
