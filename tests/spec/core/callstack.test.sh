#### BASH_LINENO in nested functions of a -c string
f() { echo "f: ${BASH_LINENO[@]} / $BASH_LINENO / ${#BASH_LINENO[@]}"; g; }
g() { echo "g: ${BASH_LINENO[*]}"; }
f
echo "top: [${BASH_LINENO[@]}]"

#### caller in functions of a -c string
f() { caller; caller 0; echo "rc=$?"; g; }
g() { caller 0; caller 1; echo "rc=$?"; }
f

#### caller at the top level of a -c string fails quietly
caller; echo "rc=$?"; caller 0; echo "rc=$?"; caller x; echo "rc=$?"

#### caller with a bad number
f() { caller x 2>/dev/null; echo "rc=$?"; caller -- 0; echo "rc=$?"; }
f
printf '%s\n' 'g() { caller x; echo "rc=$?"; }' 'g' > bad.sh
bash bad.sh

#### caller, FUNCNAME and BASH_LINENO in a script file
printf '%s\n' 'f() { caller; caller 0; echo "${BASH_LINENO[@]} | ${FUNCNAME[@]}"; }' 'f' 'caller; echo "rc=$?"' 'caller 0; echo "rc=$?"' > cs.sh
bash cs.sh

#### BASH_LINENO follows the call line across a loop
f() { echo "$BASH_LINENO"; }
for i in 1 2; do
  f
done
f
