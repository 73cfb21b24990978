// The condition-operator table lives in ../../iam/condition-operators (one for the engine, the
// linter and the hovers); this module keeps the lint rules' import path.
export {
  CONDITION_OPERATORS,
  familyForKeyType,
  isMultivaluedType,
  parseOperator,
  type OperatorFamily,
  type ParsedOperator,
} from '../../iam/condition-operators';
