/** Fuzzing of the Huawei services (DSC, DataArts Catalog, IAM) over HTTP; the DataWorks file runs alongside. */
import { fuzzOverHttp } from './http-suite.js';

fuzzOverHttp(['dsc', 'dataarts', 'iam']);
