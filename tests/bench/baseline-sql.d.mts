export declare const BASELINE_CELLS_SQL: string;
