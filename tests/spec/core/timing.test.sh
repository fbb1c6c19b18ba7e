#### TIMEFORMAT with whole seconds
TIMEFORMAT='[%0R]'; time true

#### TIMEFORMAT with literal text, %% and a trailing %
TIMEFORMAT='took %0R s, 100%% of a%'; time true

#### TIMEFORMAT long form with no decimals
TIMEFORMAT='%0lR %0lU %0lS'; time true

#### TIMEFORMAT set but empty prints nothing
TIMEFORMAT=; time true; echo status=$?

#### TIMEFORMAT with an unknown conversion is reported
TIMEFORMAT='a%xb'; time true; echo status=$?

#### TIMEFORMAT ending inside a conversion
TIMEFORMAT='%3'; time true 2>&1 | od -c | head -2

#### time keeps the pipeline's status
TIMEFORMAT='%0R'; time false; echo status=$?; time ! false; echo status=$?

#### time of a pipeline writes to the shell's stderr, not the pipe
TIMEFORMAT='T%0R'; time echo a | cat; echo done

#### time -p has three lines with two decimals
{ time -p true; } 2>&1 | sed 's/[0-9]/N/g'

#### default time format, digits masked
unset TIMEFORMAT; { time true; } 2>&1 | sed 's/[0-9]/N/g'

#### TIMEFORMAT precision above 3 is 3
TIMEFORMAT='%9R'; { time true; } 2>&1 | sed 's/[0-9]/N/g'

#### times prints two lines of user and system time
times | sed 's/[0-9]/N/g'

#### time in a function and in a subshell
f() { time true; }; TIMEFORMAT='f%0R'; f; ( time true )
