/** Fuzzing of DataWorks over HTTP (ACS3-signed); the Huawei file runs alongside. */
import { fuzzOverHttp } from './http-suite.js';

fuzzOverHttp(['dataworks']);
