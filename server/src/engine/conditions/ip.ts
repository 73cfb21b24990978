// IpAddress / NotIpAddress: an IPv4 or IPv6 address against addresses or CIDR ranges
// (an address without a prefix is a range of one).
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IPAddress
import { cidrContains, parseAddress, parseCidr, type IpCidr } from '../../iam/ip';
import { defineOperator, type ConditionOperator } from './operator';

const ip = (name: string): ConditionOperator =>
  defineOperator<IpCidr>(name, {
    prepare: (v) => parseCidr(v.text),
    test: (rv, cidr) => {
      const address = parseAddress(rv);
      return address !== undefined && cidrContains(cidr, address);
    },
  });

export const ipOperators: readonly ConditionOperator[] = [ip('IpAddress'), ip('NotIpAddress')];
