#### unexpected fi
fi

#### unexpected then
if then; fi

#### missing fi
if true; then echo x

#### unexpected done
done

#### unexpected closing paren
echo )

#### unexpected end inside quotes
echo 'unterminated

#### unexpected end inside double quotes
echo "unterminated

#### unexpected semicolon
;

#### double semicolon outside case
echo a;; echo b

#### bad for loop
for in; do :; done

#### missing done
while true; do echo x

#### unexpected token after pipe
echo a | | cat

#### and at start
&& echo x

#### syntax error on a later line still runs earlier lines
echo first
if
fi

#### unmatched brace group
{ echo a

#### case without esac
case x in a) echo a;;

#### bad substitution
x=1; echo ${x!}

#### bad substitution does not stop earlier output
echo before; echo ${}; echo after

#### empty command substitution is fine
echo "[$()]"

#### function with missing body
f()

#### redirection without target
echo a >

#### arithmetic command unclosed
(( 1 + 2
