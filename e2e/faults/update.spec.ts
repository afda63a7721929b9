import { flowOf } from "../support/fault-flows";
import { faultMatrix } from "../support/fault-matrix";

// e2e/support/fault-matrix.ts says what every case checks.
faultMatrix(flowOf("update"));
