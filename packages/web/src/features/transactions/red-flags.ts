/**
 * The BIS "know your customer" red flags (15 CFR 732 Supp. 3) a transaction may declare,
 * by the ids `POST /assess` accepts; a test keeps them equal to core's `BIS_RED_FLAGS`.
 * Kept here so the web bundle does not pull in the whole of core.
 */
export const RED_FLAGS: Readonly<Record<string, string>> = {
  'reluctant-end-use':
    'The customer or purchasing agent is reluctant to offer information about the end use of the item.',
  'capabilities-mismatch': "The product's capabilities do not fit the buyer's line of business.",
  'incompatible-with-destination':
    'The item ordered is incompatible with the technical level of the country to which it is being shipped.',
  'cash-payment':
    'The customer is willing to pay cash for a very expensive item when the terms of sale would normally call for financing.',
  'little-business-background': 'The customer has little or no business background.',
  'unfamiliar-with-product':
    "The customer is unfamiliar with the product's performance characteristics but still wants the product.",
  'declines-services':
    'Routine installation, training, or maintenance services are declined by the customer.',
  'vague-delivery-dates':
    'Delivery dates are vague, or deliveries are planned for out of the way destinations.',
  'freight-forwarder-destination': "A freight forwarding firm is listed as the product's final destination.",
  'unusual-route': 'The shipping route is abnormal for the product and destination.',
  'unusual-packaging': 'Packaging is inconsistent with the stated method of shipment or destination.',
  'evasive-answers':
    'When questioned, the buyer is evasive and especially unclear about whether the purchased product is for domestic use, for export, or for reexport.',
};
