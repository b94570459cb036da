/** One position of a word: the Latin strings it may be read as, likeliest first. */
export type Segment = readonly string[];
